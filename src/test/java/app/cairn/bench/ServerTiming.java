package app.cairn.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Measures time spent inside Cairn's servlet container per benchmark launch: requests tagged
 * with {@code X-Bench-Launch} add their duration to that launch's total.
 */
final class ServerTiming implements Filter {

    static final String HEADER = "X-Bench-Launch";

    private final Map<String, AtomicLong> nanosByLaunch = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String launch = ((HttpServletRequest) request).getHeader(HEADER);
            if (launch != null) {
                nanosByLaunch.computeIfAbsent(launch, k -> new AtomicLong()).addAndGet(System.nanoTime() - start);
            }
        }
    }

    long take(String launch) {
        AtomicLong nanos = nanosByLaunch.remove(launch);
        return nanos == null ? 0 : nanos.get();
    }
}
