package io.syncline.runtime.api;

/** A live event subscription; closing it stops the events. */
public interface Subscription extends AutoCloseable {

	@Override
	void close();
}
