package org.jasyncio;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * asyncio's {@code TimeoutError}: thrown by awaiting {@link AsyncIO#waitFor} or a
 * {@link Timeout} whose deadline passed before the work finished (the work was cancelled).
 * Unchecked, unlike {@link java.util.concurrent.TimeoutException}.
 */
public class TimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which deadline expired
     */
    public TimeoutException(String message) {
        super(message);
    }

    /**
     * "timed out after 0.5 s" followed by {@code detail}: the message names the limit that
     * expired, which is what the reader of a log needs first.
     */
    static TimeoutException after(double limitSeconds, String detail) {
        return new TimeoutException("timed out after " + seconds(Math.max(0, limitSeconds)) + " s" + detail);
    }

    /** 0.5 as "0.5", 2.0 as "2", 0.49999999999 (a difference of loop times) as "0.5". */
    private static String seconds(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
