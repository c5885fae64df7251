package org.jasyncio.contextpropagation;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The server, logging for real: 50 connections interleaved on one loop thread each put their id
 * into SLF4J's MDC once, then log through Logback with {@code %X{requestId}} around awaits, in nested
 * {@code @Async} calls and in callbacks; every line must carry its own connection's id.
 */
class LogbackMdcTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogbackMdcTest.class);
    private static final int CONNECTIONS = 50;
    /** "<requestId>|<the connection the message is about>|<message>" */
    private static final Pattern LINE = Pattern.compile("([^|]*)\\|(\\S+) (.*)");

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Slf4jThreadLocalAccessor accessor = new Slf4jThreadLocalAccessor("requestId");
    private OutputStreamAppender<ILoggingEvent> appender;

    @BeforeEach
    void logThroughLogbackAndPropagateTheMdc() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logback);
        encoder.setPattern("%X{requestId}|%msg%n");
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(logback);
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        ch.qos.logback.classic.Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);

        ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
        ContextRegistryPropagation.install();
    }

    @AfterEach
    void stopPropagating() {
        ContextRegistryPropagation.uninstall();
        ContextRegistry.getInstance().removeThreadLocalAccessor(accessor.key());
        appender.stop();
        MDC.clear();
    }

    @Async
    static Task<Void> serve() {
        List<Task<Void>> connections = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int id = c;
            connections.add(AsyncIO.createTask(() -> handle(id)));
        }
        await(AsyncIO.gather(connections));
        LOG.info("server served");
        return Task.completed();
    }

    @Async
    static Task<Void> handle(int id) {
        String connection = "conn-" + id;
        MDC.put("requestId", connection);
        LOG.info("{} accepted", connection);
        for (int i = 0; i < 4; i++) {
            await(sleep((id * 7 + i * 3) % 5 == 0 ? 0 : 0.001 * ((id + i) % 4)));
            LOG.info("{} step {}", connection, i);
            String user = await(lookUpUser(connection));
            LOG.info("{} found {}", connection, user);
        }
        AsyncIO.getRunningLoop().callSoon(() -> LOG.info("{} callback", connection));
        await(sleep(0));
        return Task.completed();
    }

    @Async
    static Task<String> lookUpUser(String connection) {
        await(sleep(0));
        LOG.info("{} lookup", connection);
        return Task.completed("user of " + connection);
    }

    @Test
    void everyLineCarriesItsOwnConnectionsId() {
        MDC.put("requestId", "main");
        LOG.info("main starting");
        AsyncIO.run(LogbackMdcTest::serve);
        LOG.info("main done");

        String[] lines = written.toString(StandardCharsets.UTF_8).split("\n");
        int perConnection = 1 + 4 * 3 + 1;
        assertEquals(2 + CONNECTIONS * perConnection + 1, lines.length, "lines written");
        List<String> wrong = new ArrayList<>();
        int tagged = 0;
        for (String line : lines) {
            Matcher parts = LINE.matcher(line);
            assertTrue(parts.matches(), line);
            String about = parts.group(2);
            String expected = about.startsWith("conn-") ? about : "main";
            if (!expected.equals(parts.group(1))) {
                wrong.add(line);
            }
            tagged += about.startsWith("conn-") ? 1 : 0;
        }
        assertEquals(List.of(), wrong);
        assertEquals(CONNECTIONS * perConnection, tagged);
        assertEquals("main", MDC.get("requestId"));
    }
}
