package io.syncline.ui.about;

import org.osgi.framework.FrameworkUtil;

import io.syncline.branding.Branding;

/** What the About dialog shows: name, version and the platform it runs on. */
public record ProductInfo(String name, String tagline, String vendor, String version, String java, String os) {

	public static ProductInfo current() {
		Branding branding = Branding.current();
		var bundle = FrameworkUtil.getBundle(ProductInfo.class);
		String version = bundle == null ? "unknown" : bundle.getVersion().toString();
		return new ProductInfo(branding.productName(), branding.tagline(), branding.vendor(), version,
				System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.arch"));
	}
}
