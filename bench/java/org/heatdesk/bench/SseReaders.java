package org.heatdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Many open server-sent-event streams read by one thread with one selector, as hundreds of agents'
 * browsers would hold them, without hundreds of client threads competing with the server for the
 * same two cores. Each stream's events are handed to a listener with the time their bytes arrived.
 * Decodes HTTP/1.1 chunked bodies (how Tomcat sends an open-ended stream).
 */
final class SseReaders implements Closeable {

	interface Listener {

		/** An event: its stream, name, data and the {@code System.nanoTime()} its last byte was read at. */
		void event(int stream, String name, String data, long arrivedNanos);
	}

	private final Selector selector;

	private final Listener listener;

	private final Thread thread;

	private volatile boolean running = true;

	SseReaders(Listener listener) throws IOException {
		this.selector = Selector.open();
		this.listener = listener;
		this.thread = new Thread(this::loop, "sse-readers");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Opens {@code path} with the session cookie and reads its events from now on. */
	void open(int stream, String host, int port, String path, String cookie) throws IOException {
		SocketChannel channel = SocketChannel.open(new InetSocketAddress(host, port));
		channel.socket().setTcpNoDelay(true);
		String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: text/event-stream\r\n"
				+ "Cookie: " + cookie + "\r\n\r\n";
		ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
		while (out.hasRemaining()) {
			channel.write(out);
		}
		channel.configureBlocking(false);
		Stream s = new Stream(stream);
		selector.wakeup();
		synchronized (this) {
			channel.register(selector, SelectionKey.OP_READ, s);
		}
	}

	private void loop() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
		byte[] bytes = new byte[64 * 1024];
		while (running) {
			try {
				synchronized (this) {
					// lets open() register between selects
				}
				selector.select(200);
				long now = System.nanoTime();
				Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					Stream s = (Stream) key.attachment();
					buffer.clear();
					int n = ((SocketChannel) key.channel()).read(buffer);
					if (n < 0) {
						key.cancel();
						key.channel().close();
						continue;
					}
					buffer.flip();
					buffer.get(bytes, 0, n);
					for (int i = 0; i < n; i++) {
						s.accept(bytes[i], now);
					}
				}
			}
			catch (IOException e) {
				if (running) {
					System.err.println("sse readers: " + e);
				}
			}
			catch (java.nio.channels.ClosedSelectorException e) {
				// closed while selecting: the benchmark is over
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		running = false;
		selector.wakeup();
		for (SelectionKey key : selector.keys()) {
			key.channel().close();
		}
		selector.close();
	}

	/** One stream: response head, then chunk sizes and chunk bytes, the latter split into SSE lines. */
	private final class Stream {

		private final int id;

		private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

		private boolean inHead = true;

		private boolean chunked;

		private long chunkLeft = -1;

		private boolean afterChunk;

		private String event;

		private final StringBuilder data = new StringBuilder();

		Stream(int id) {
			this.id = id;
		}

		void accept(byte b, long now) {
			if (inHead || chunkLeft <= 0 && chunked) {
				// head lines and chunk-size lines
				if (b != '\n') {
					line.write(b);
					return;
				}
				String l = line.toString(StandardCharsets.US_ASCII).strip();
				line.reset();
				if (inHead) {
					if (l.toLowerCase().startsWith("transfer-encoding:") && l.toLowerCase().contains("chunked")) {
						chunked = true;
					}
					if (l.isEmpty()) {
						inHead = false;
					}
					return;
				}
				if (afterChunk) {
					// the CRLF that closes a chunk
					afterChunk = false;
					return;
				}
				if (!l.isEmpty()) {
					chunkLeft = Long.parseLong(l.split(";")[0].trim(), 16);
				}
				return;
			}
			if (chunked) {
				chunkLeft--;
				if (chunkLeft == 0) {
					afterChunk = true;
				}
			}
			body(b, now);
		}

		private final ByteArrayOutputStream bodyLine = new ByteArrayOutputStream(256);

		private void body(byte b, long now) {
			if (b != '\n') {
				bodyLine.write(b);
				return;
			}
			String l = bodyLine.toString(StandardCharsets.UTF_8);
			bodyLine.reset();
			if (l.endsWith("\r")) {
				l = l.substring(0, l.length() - 1);
			}
			if (l.isEmpty()) {
				if (event != null || !data.isEmpty()) {
					listener.event(id, event == null ? "message" : event, data.toString(), now);
				}
				event = null;
				data.setLength(0);
			}
			else if (l.startsWith("event:")) {
				event = l.substring(6).strip();
			}
			else if (l.startsWith("data:")) {
				if (!data.isEmpty()) {
					data.append('\n');
				}
				data.append(l.substring(5).strip());
			}
		}
	}
}
