package io.syncline.cli.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** The JSON the scripting commands print: indented, decimals as written, dates and moments as ISO text. */
final class Json {

	/** Dates as ISO text; the JSR-310 module is not in the target for these few types. */
	static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
			.registerModule(new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance)
					.addSerializer(Instant.class, ToStringSerializer.instance)
					.addSerializer(OffsetDateTime.class, ToStringSerializer.instance));

	private Json() {
	}

	static String write(Object value) throws java.io.IOException {
		return MAPPER.writeValueAsString(value);
	}
}
