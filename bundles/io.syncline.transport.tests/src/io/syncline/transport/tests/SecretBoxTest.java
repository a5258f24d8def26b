package io.syncline.transport.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.transport.SecretBox;

class SecretBoxTest {

	@TempDir
	Path temp;

	private final SecretBox box = SecretBox.of(Base64.getDecoder().decode(SecretBox.newKey()));

	@Test
	void sealsSoTheSecretIsNotInTheBytesAndOpensForTheSamePlaceOnly() {
		String key = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "x".repeat(70_000) + "\n-----END";
		byte[] sealed = box.seal(Map.of("password", "s3cret-pw", "privateKey", key), "harbor/acme-sftp");
		assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("s3cret-pw"));
		assertEquals(Map.of("password", "s3cret-pw", "privateKey", key), box.open(sealed, "harbor/acme-sftp"));
		SecretBox.SecretsKeyException moved = assertThrows(SecretBox.SecretsKeyException.class,
				() -> box.open(sealed, "other-tenant/acme-sftp"));
		assertTrue(moved.getMessage().contains("sealed for another endpoint or tenant"), moved.getMessage());
		assertNull(box.seal(Map.of(), "harbor/acme-sftp"), "no secrets, nothing sealed");
	}

	@Test
	void anotherKeyIsToldByItsIdAndTamperingIsCaught() {
		byte[] sealed = box.seal(Map.of("password", "pw"), "t/e");
		SecretBox other = SecretBox.of(Base64.getDecoder().decode(SecretBox.newKey()));
		SecretBox.SecretsKeyException wrongKey = assertThrows(SecretBox.SecretsKeyException.class,
				() -> other.open(sealed, "t/e"));
		assertTrue(wrongKey.getMessage().contains(box.keyId()) && wrongKey.getMessage().contains(other.keyId()),
				wrongKey.getMessage());
		byte[] tampered = sealed.clone();
		tampered[tampered.length - 1] ^= 1;
		assertThrows(SecretBox.SecretsKeyException.class, () -> box.open(tampered, "t/e"));
		assertArrayEquals(sealed, sealed.clone());
	}

	@Test
	void theKeyComesFromTheVariableOrAnOwnerOnlyFile() throws IOException {
		String key = SecretBox.newKey();
		assertTrue(SecretBox.fromEnvironment(Map.of()).isEmpty());
		assertEquals(SecretBox.of(Base64.getDecoder().decode(key)).keyId(),
				SecretBox.fromEnvironment(Map.of(SecretBox.KEY_VARIABLE, key)).orElseThrow().keyId());
		Path file = Files.writeString(temp.resolve("secrets.key"), key + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		SecretBox.SecretsKeyException open = assertThrows(SecretBox.SecretsKeyException.class,
				() -> SecretBox.fromEnvironment(Map.of(SecretBox.KEY_FILE_VARIABLE, file.toString())));
		assertTrue(open.getMessage().contains("chmod 600"), open.getMessage());
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		assertEquals(SecretBox.of(Base64.getDecoder().decode(key)).keyId(),
				SecretBox.fromEnvironment(Map.of(SecretBox.KEY_FILE_VARIABLE, file.toString())).orElseThrow().keyId());
		SecretBox.SecretsKeyException shortKey = assertThrows(SecretBox.SecretsKeyException.class,
				() -> SecretBox.fromEnvironment(Map.of(SecretBox.KEY_VARIABLE, "c2hvcnQ=")));
		assertTrue(shortKey.getMessage().contains("must be 32"), shortKey.getMessage());
	}
}
