package org.heatdesk.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket, for load generators that must cost the
 * machine as little as possible: the JDK's {@code HttpClient} hands every exchange between several
 * threads, which on two shared cores took more CPU than the server's own work and so measured the
 * client. Not thread-safe: one per simulated client. Understands {@code Content-Length} and
 * chunked bodies; reconnects when the server closed the connection.
 */
final class Http1Client implements Closeable {

	record Response(int status, Map<String, String> headers, byte[] body) {

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	Http1Client(String host, int port) {
		this.host = host;
		this.port = port;
	}

	Response post(String path, Map<String, String> headers, String body) throws IOException {
		return exchange("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
	}

	Response get(String path, Map<String, String> headers) throws IOException {
		return exchange("GET", path, headers, null);
	}

	Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
		try {
			return once(method, path, headers, body);
		}
		catch (IOException e) {
			// a kept-alive connection the server closed meanwhile: one fresh attempt
			close();
			return once(method, path, headers, body);
		}
	}

	private Response once(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
		if (socket == null) {
			socket = new Socket(host, port);
			socket.setTcpNoDelay(true);
			in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
			out = socket.getOutputStream();
		}
		StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
			.append(host).append(':').append(port).append("\r\n");
		headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] request = h;
		if (body != null) {
			request = new byte[h.length + body.length];
			System.arraycopy(h, 0, request, 0, h.length);
			System.arraycopy(body, 0, request, h.length, body.length);
		}
		out.write(request);
		out.flush();
		String statusLine = line();
		if (statusLine == null) {
			throw new IOException("connection closed");
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		Map<String, String> responseHeaders = new LinkedHashMap<>();
		for (String l = line(); l != null && !l.isEmpty(); l = line()) {
			int colon = l.indexOf(':');
			// a repeated header (Set-Cookie) keeps every value, one per line
			responseHeaders.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
					(a, b) -> a + "\n" + b);
		}
		byte[] content;
		if ("chunked".equalsIgnoreCase(responseHeaders.get("transfer-encoding"))) {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer
				.parseInt(line().split(";")[0].trim(), 16)) {
				all.write(in.readNBytes(size));
				line();
			}
			line();
			content = all.toByteArray();
		}
		else {
			String length = responseHeaders.get("content-length");
			content = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
		}
		if ("close".equalsIgnoreCase(responseHeaders.get("connection"))) {
			close();
		}
		return new Response(status, responseHeaders, content);
	}

	private String line() throws IOException {
		StringBuilder b = new StringBuilder(64);
		int c;
		while ((c = in.read()) != -1) {
			if (c == '\n') {
				int n = b.length();
				return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
			}
			b.append((char) c);
		}
		return b.length() == 0 ? null : b.toString();
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
			socket = null;
		}
	}
}
