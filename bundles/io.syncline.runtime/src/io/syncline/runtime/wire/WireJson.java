package io.syncline.runtime.wire;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The JSON of the runtime's HTTP API, one mapper for the server and the client so both read what the other writes:
 * moments and dates as ISO text, decimals exactly, byte arrays as base64. Reading is strict, because a body is
 * untrusted: an unknown field, a number where text belongs, trailing content or nesting deeper than 32 is refused.
 */
public final class WireJson {

	/** Deeper than any body of the API; a hostile body nested deeper is refused before it costs a stack. */
	public static final int MAX_NESTING = 32;

	private static final ObjectMapper MAPPER = JsonMapper
			.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
					.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
							.maxStringLength(200_000_000).build())
					.build())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
			.addModule(new SimpleModule("syncline-wire")
					.addSerializer(Instant.class, ToStringSerializer.instance)
					.addSerializer(LocalDate.class, ToStringSerializer.instance)
					.addSerializer(OffsetDateTime.class, ToStringSerializer.instance)
					.addDeserializer(Instant.class, new InstantText()))
			.build();

	private WireJson() {
	}

	public static ObjectMapper mapper() {
		return MAPPER;
	}

	private static final class InstantText extends JsonDeserializer<Instant> {
		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = parser.getValueAsString();
			try {
				return text == null ? null : Instant.parse(text);
			} catch (DateTimeParseException e) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text,
						"not an ISO-8601 instant such as 2026-12-02T18:00:00Z");
			}
		}
	}
}
