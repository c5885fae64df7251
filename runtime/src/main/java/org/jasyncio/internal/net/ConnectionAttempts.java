package org.jasyncio.internal.net;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jasyncio.ConnectionException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/**
 * asyncio's {@code create_connection} over resolved addresses: tries them one after another and
 * fails with the single error, or with "Multiple exceptions: ..." when they differ. Cancelling the
 * result cancels the attempt in progress. Internal to jasyncio: not for users.
 */
public final class ConnectionAttempts {

    private final NetworkDriver driver;
    private final List<InetSocketAddress> addresses;
    private final Supplier<? extends Protocol> factory;
    private final Future<Transport> result;
    private final List<Throwable> failures = new ArrayList<>();
    private Future<Transport> attempt;

    private ConnectionAttempts(EventLoop loop, NetworkDriver driver, List<InetSocketAddress> addresses,
            Supplier<? extends Protocol> factory) {
        this.driver = driver;
        this.addresses = addresses;
        this.factory = factory;
        this.result = loop.createFuture();
    }

    /** Connects to the first of {@code addresses} that accepts. */
    public static Future<Transport> connectAny(EventLoop loop, NetworkDriver driver,
            List<InetSocketAddress> addresses, Supplier<? extends Protocol> factory) {
        ConnectionAttempts attempts = new ConnectionAttempts(loop, driver, addresses, factory);
        attempts.result.addDoneCallback(done -> {
            if (done.cancelled() && attempts.attempt != null) {
                attempts.attempt.cancel();
            }
        });
        attempts.next();
        return attempts.result;
    }

    private void next() {
        if (result.done()) {
            return;
        }
        if (failures.size() == addresses.size()) {
            result.setException(combined());
            return;
        }
        attempt = driver.connect(addresses.get(failures.size()), factory);
        attempt.addDoneCallback(done -> {
            if (done.cancelled()) {
                result.cancel();
            } else if (done.exception() != null) {
                failures.add(done.exception());
                next();
            } else if (result.done()) {
                done.result().abort();
            } else {
                result.setResult(done.result());
            }
        });
    }

    private Throwable combined() {
        if (failures.isEmpty()) {
            return new ConnectionException("getaddrinfo() returned empty list", null);
        }
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable failure : failures) {
            messages.add(String.valueOf(failure.getMessage()));
        }
        if (messages.size() == 1) {
            return failures.get(0);
        }
        return new ConnectionException("Multiple exceptions: " + String.join(", ", messages), failures.get(0));
    }
}
