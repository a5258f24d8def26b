package io.syncline.transport.sftp;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.common.SftpException;

/** A failure of SSH or SFTP in words a partner manager can act on, never with a secret in them. */
final class SftpFailures {

	private SftpFailures() {
	}

	static String words(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			if (root instanceof SftpException) {
				break;
			}
			root = root.getCause();
		}
		if (root instanceof UnknownHostException) {
			return "unknown host " + root.getMessage();
		}
		if (root instanceof ConnectException) {
			return "connection refused";
		}
		if (root instanceof SftpException sftp) {
			return "the server said " + sftp.getMessage() + " (SFTP status " + sftp.getStatus() + ")";
		}
		if (root instanceof java.net.SocketTimeoutException || failure instanceof SshException
				&& String.valueOf(failure.getMessage()).contains("timeout")) {
			return "no answer in time (" + failure.getMessage() + ")";
		}
		String message = failure.getMessage();
		if (message != null && message.contains("No more authentication methods available")) {
			return "the server refused the credentials";
		}
		return message != null ? message : failure.getClass().getSimpleName();
	}
}
