package io.syncline.runtime.api;

import java.util.List;

/** One page of a keyset-paged list; {@code nextAfter} is 0 when there is no next page. */
public record Page<T>(List<T> items, long nextAfter) {

	public Page {
		items = List.copyOf(items);
	}

	public boolean hasNext() {
		return nextAfter > 0;
	}
}
