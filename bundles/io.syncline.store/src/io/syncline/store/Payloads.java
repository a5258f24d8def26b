package io.syncline.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** How payloads are stored: gzip-compressed, with a SHA-256 that proves the bytes read back are those received. */
public final class Payloads {

	private Payloads() {
	}

	public static byte[] gzip(byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, payload.length / 4));
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(payload);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static byte[] gunzip(byte[] compressed) {
		try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return zip.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
