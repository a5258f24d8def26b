package io.syncline.runtime.local.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.syncline.mapping.MappingResources;
import io.syncline.mapping.model.Mapping;
import io.syncline.runtime.api.MappingSummary;
import io.syncline.store.MappingVersions;

/**
 * What a published mapping is, read from its XMI: partner, direction, source format and target. A version's content
 * never changes, so each is read once, by its hash.
 */
public final class MappingSummaries {

	private record Described(String partnerId, String direction, String sourceFormat, String target) {
	}

	private final Map<String, Described> byHash = new ConcurrentHashMap<>();

	public MappingSummary of(MappingVersions.Version version) throws IOException {
		Described described = byHash.get(version.sha256());
		if (described == null) {
			Mapping mapping = MappingResources.load(version.content(), version.mappingName() + ".synmap");
			described = new Described(mapping.getPartnerId(),
					mapping.getDirection() == null ? null : mapping.getDirection().getName(),
					mapping.getSource() == null || mapping.getSource().getFormat() == null ? null
							: mapping.getSource().getFormat().getName(),
					mapping.getTargetType());
			byHash.put(version.sha256(), described);
		}
		return new MappingSummary(version.mappingName(), described.partnerId(), described.direction(),
				described.sourceFormat(), described.target(), version.version(), version.author(),
				Dtos.instant(version.publishedAt()), version.comment());
	}
}
