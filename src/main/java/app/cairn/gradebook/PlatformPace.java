package app.cairn.gradebook;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How fast Cairn may talk to one LMS from this node: a few calls at once while it lets us, one at
 * a time (for {@code serialFor}) after it throttled, and nothing before its Retry-After has passed.
 * Canvas throttles with a leaky bucket; calls one after another are rarely throttled.
 */
final class PlatformPace {

    private final Semaphore permits;
    private final ReentrantLock serial = new ReentrantLock(true);
    private final Duration serialFor;
    private volatile long serialUntil = System.nanoTime();
    private volatile long notBefore = System.nanoTime();

    PlatformPace(int parallel, Duration serialFor) {
        this.permits = new Semaphore(parallel, true);
        this.serialFor = serialFor;
    }

    <T> T call(Callable<T> call) throws Exception {
        permits.acquire();
        try {
            if (serial()) {
                serial.lock();
                try {
                    awaitTurn();
                    return call.call();
                } finally {
                    serial.unlock();
                }
            }
            awaitTurn();
            return call.call();
        } finally {
            permits.release();
        }
    }

    /** The LMS throttled: wait as long as it asked, and send one call at a time from now on. */
    void throttled(Duration retryAfter) {
        long now = System.nanoTime();
        notBefore = Math.max(notBefore, now + retryAfter.toNanos());
        serialUntil = now + serialFor.toNanos();
    }

    boolean serial() {
        return System.nanoTime() - serialUntil < 0;
    }

    /** How long until the LMS accepts calls again (zero when it does now). */
    Duration remainingWait() {
        long left = notBefore - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Sleeps until the platform accepts calls again. */
    void awaitTurn() throws InterruptedException {
        long left;
        while ((left = notBefore - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
