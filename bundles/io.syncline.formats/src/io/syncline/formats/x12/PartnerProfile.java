package io.syncline.formats.x12;

/**
 * How one trading partner wants its X12 envelopes: our and their ISA qualifiers and ids, GS application codes,
 * separators, version and test or production use.
 */
public record PartnerProfile(String partnerId, String senderQualifier, String senderId, String receiverQualifier,
		String receiverId, String gsSender, String gsReceiver, char elementSeparator, char componentSeparator,
		char segmentTerminator, String interchangeVersion, String groupVersion, char usage) {

	public PartnerProfile {
		if (senderId.length() > 15 || receiverId.length() > 15) {
			throw new IllegalArgumentException("ISA ids have at most 15 characters: " + senderId + ", " + receiverId);
		}
		if (usage != 'P' && usage != 'T') {
			throw new IllegalArgumentException("usage is P (production) or T (test), not " + usage);
		}
	}

	/** X12 004010 with {@code * > ~}, production, the same ids in ISA and GS. */
	public static PartnerProfile x12v4010(String partnerId, String senderQualifier, String senderId,
			String receiverQualifier, String receiverId) {
		return new PartnerProfile(partnerId, senderQualifier, senderId, receiverQualifier, receiverId, senderId,
				receiverId, '*', '>', '~', "00401", "004010", 'P');
	}

	/**
	 * {@code ZZ:HARBORSUPPLY>ZZ:ACMEFAST}: sender qualifier and id, then receiver qualifier and id, X12 004010 with
	 * {@code * > ~}.
	 */
	public static PartnerProfile parse(String partnerId, String text) {
		String[] parties = text.split(">");
		String[] sender = parties.length == 2 ? parties[0].split(":") : new String[0];
		String[] receiver = parties.length == 2 ? parties[1].split(":") : new String[0];
		if (sender.length != 2 || receiver.length != 2) {
			throw new IllegalArgumentException("a profile looks like ZZ:HARBORSUPPLY>ZZ:ACMEFAST, not '" + text + "'");
		}
		return x12v4010(partnerId, sender[0], sender[1], receiver[0], receiver[1]);
	}

	public PartnerProfile withSeparators(char element, char component, char segment) {
		return new PartnerProfile(partnerId, senderQualifier, senderId, receiverQualifier, receiverId, gsSender,
				gsReceiver, element, component, segment, interchangeVersion, groupVersion, usage);
	}

	/** The profile for answering a partner: sender and receiver swapped. */
	public PartnerProfile reversed() {
		return new PartnerProfile(partnerId, receiverQualifier, receiverId, senderQualifier, senderId, gsReceiver,
				gsSender, elementSeparator, componentSeparator, segmentTerminator, interchangeVersion, groupVersion,
				usage);
	}
}
