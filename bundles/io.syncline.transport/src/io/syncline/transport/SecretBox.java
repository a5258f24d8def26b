package io.syncline.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals endpoints' secrets for the store with AES-256-GCM under the runtime's secrets key, bound to where they
 * belong (tenant and endpoint, as associated data): a sealed secret copied into another tenant's row does not open.
 * The key comes from {@value #KEY_VARIABLE} (base64 of 32 bytes) or from the owner-only file
 * {@value #KEY_FILE_VARIABLE} names; it is never stored beside the data.
 */
public final class SecretBox {

	public static final String KEY_VARIABLE = "SYNCLINE_SECRETS_KEY";
	public static final String KEY_FILE_VARIABLE = "SYNCLINE_SECRETS_KEY_FILE";

	private static final byte FORMAT = 1;
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;
	private final byte[] keyId;

	private SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new SecretsKeyException("the secrets key is " + key.length + " bytes; it must be 32 (base64 of 32 "
					+ "random bytes, as `syncline secrets-key` prints)");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
		this.keyId = idOf(key);
	}

	public static SecretBox of(byte[] key) {
		return new SecretBox(key);
	}

	/** A new key, base64, for {@value #KEY_VARIABLE} or its file. */
	public static String newKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * The key the environment names, if it names one. A key file readable by others than its owner is refused, as
	 * ssh refuses such a private key.
	 */
	public static Optional<SecretBox> fromEnvironment(Map<String, String> environment) {
		String inline = environment.get(KEY_VARIABLE);
		if (inline != null && !inline.isBlank()) {
			return Optional.of(new SecretBox(decode(inline, KEY_VARIABLE)));
		}
		String file = environment.get(KEY_FILE_VARIABLE);
		if (file == null || file.isBlank()) {
			return Optional.empty();
		}
		Path path = Path.of(file.strip());
		try {
			if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
				permissions.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
				if (!permissions.isEmpty()) {
					throw new SecretsKeyException("the secrets key file " + path + " may be read by others ("
							+ permissions + "); make it owner-only: chmod 600 " + path);
				}
			}
			return Optional.of(new SecretBox(decode(Files.readString(path, StandardCharsets.US_ASCII),
					KEY_FILE_VARIABLE + " (" + path + ")")));
		} catch (java.nio.file.NoSuchFileException e) {
			throw new SecretsKeyException(KEY_FILE_VARIABLE + " names " + path + ", which does not exist");
		} catch (IOException e) {
			throw new SecretsKeyException("cannot read the secrets key file " + path + ": " + e.getMessage());
		}
	}

	/** Which key this is, safe to show: the first bytes of its SHA-256. */
	public String keyId() {
		return HexFormat.of().formatHex(keyId);
	}

	/** Seals the secrets for the place {@code context} names (tenant and endpoint); null for none. */
	public byte[] seal(Map<String, String> secrets, String context) {
		if (secrets == null || secrets.isEmpty()) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(encode(secrets));
			return ByteBuffer.allocate(1 + keyId.length + NONCE_BYTES + sealed.length).put(FORMAT).put(keyId).put(nonce)
					.put(sealed).array();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
		}
	}

	/** Opens what {@link #seal} sealed for the same context; an error if another key or place sealed it. */
	public Map<String, String> open(byte[] sealed, String context) {
		if (sealed == null || sealed.length == 0) {
			return Map.of();
		}
		ByteBuffer in = ByteBuffer.wrap(sealed);
		if (in.get() != FORMAT || sealed.length < 1 + keyId.length + NONCE_BYTES + TAG_BITS / 8) {
			throw new SecretsKeyException("the secrets of " + context + " are not in a form this runtime knows");
		}
		byte[] sealedBy = new byte[keyId.length];
		in.get(sealedBy);
		if (!MessageDigest.isEqual(sealedBy, keyId)) {
			throw new SecretsKeyException("the secrets of " + context + " were sealed with key "
					+ HexFormat.of().formatHex(sealedBy) + ", but this runtime has key " + keyId()
					+ ": start it with the key they were sealed with");
		}
		byte[] nonce = new byte[NONCE_BYTES];
		in.get(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return decode(cipher.doFinal(sealed, in.position(), in.remaining()));
		} catch (AEADBadTagException e) {
			throw new SecretsKeyException("the secrets of " + context + " do not open: they were sealed for another "
					+ "endpoint or tenant, or changed in the store");
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
		}
	}

	private static byte[] idOf(byte[] key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
			return java.util.Arrays.copyOf(digest, 4);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] decode(String base64, String where) {
		try {
			return Base64.getDecoder().decode(base64.strip());
		} catch (IllegalArgumentException e) {
			throw new SecretsKeyException(where + " is not base64 (make one with `syncline secrets-key`)");
		}
	}

	private static byte[] encode(Map<String, String> secrets) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(secrets.size());
			for (Map.Entry<String, String> secret : secrets.entrySet()) {
				writeString(out, secret.getKey());
				writeString(out, secret.getValue());
			}
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return bytes.toByteArray();
	}

	/** Strings of any length: a PKCS#12 in base64 exceeds writeUTF's 64 KB. */
	private static void writeString(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static Map<String, String> decode(byte[] plain) {
		Map<String, String> secrets = new LinkedHashMap<>();
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
			int count = in.readInt();
			for (int i = 0; i < count; i++) {
				secrets.put(readString(in), readString(in));
			}
		} catch (IOException e) {
			throw new SecretsKeyException("sealed secrets are damaged: " + e.getMessage());
		}
		return secrets;
	}

	private static String readString(DataInputStream in) throws IOException {
		byte[] bytes = new byte[in.readInt()];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** The secrets key is missing, unreadable, or not the one that sealed what the store holds. */
	public static final class SecretsKeyException extends TransportException {
		private static final long serialVersionUID = 1L;

		public SecretsKeyException(String message) {
			super(message);
		}
	}
}
