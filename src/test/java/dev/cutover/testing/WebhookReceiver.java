package dev.cutover.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on 127.0.0.1 for notification tests: it records every request (path and body) and answers
 * with scripted statuses, or holds every request open until it is closed (a webhook that hangs).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    public record Request(String path, String contentType, String body) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private final int thereafter;
    private final boolean hang;
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch firstRequest = new CountDownLatch(1);

    private WebhookReceiver(List<Integer> first, int thereafter, boolean hang) {
        this.script.addAll(first);
        this.thereafter = thereafter;
        this.hang = hang;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Answers 204 to everything. */
    public static WebhookReceiver accepting() {
        return new WebhookReceiver(List.of(), 204, false);
    }

    /** Answers {@code first} in order, then {@code thereafter} to every later request. */
    public static WebhookReceiver answering(List<Integer> first, int thereafter) {
        return new WebhookReceiver(first, thereafter, false);
    }

    /** Never answers: each request is held open until {@link #close}. */
    public static WebhookReceiver hanging() {
        return new WebhookReceiver(List.of(), 204, true);
    }

    /** A URL on 127.0.0.1 where nothing listens (the port was free a moment ago): connections are refused. */
    public static URI refusing(String path) {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This receiver's URL for {@code path} (e.g. {@code /hooks/T000/secret-token}). */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The bodies received on {@code path}, in arrival order. */
    public List<String> bodies(String path) {
        return requests.stream()
                .filter(r -> r.path().equals(path))
                .map(Request::body)
                .toList();
    }

    /** Waits (bounded) until the first request has arrived; false if none came in time. */
    public boolean awaitFirstRequest() throws InterruptedException {
        return firstRequest.await(30, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            firstRequest.countDown();
            if (hang) {
                released.await();
                return;
            }
            exchange.sendResponseHeaders(nextStatus(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized int nextStatus() {
        Integer next = script.pollFirst();
        return next == null ? thereafter : next;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
