package io.syncline.store;

/**
 * A transaction or connection asked for on a thread that already holds a transaction of the same store: a
 * programming error, refused at once instead of letting the thread wait for rows it holds itself.
 */
public final class NestedTransactionException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	NestedTransactionException(String message) {
		super(message);
	}
}
