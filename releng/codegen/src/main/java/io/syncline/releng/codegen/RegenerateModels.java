package io.syncline.releng.codegen;

import java.io.File;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;

/**
 * Regenerates the model code of each given genmodel. EMF's own generator application needs a running
 * workspace, so this drives the {@link Generator} API directly; JMerge keeps members marked
 * {@code @generated NOT}.
 */
public final class RegenerateModels {

	private RegenerateModels() {
	}

	public static void main(String[] args) {
		if (args.length == 0) {
			System.err.println("usage: RegenerateModels path/to/bundle/model/x.genmodel ...");
			System.exit(2);
		}
		EcorePackage.eINSTANCE.eClass();
		GenModelPackage.eINSTANCE.eClass();
		var factories = Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap();
		factories.put("ecore", new EcoreResourceFactoryImpl());
		factories.put("genmodel", new EcoreResourceFactoryImpl());
		GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
				GenModelGeneratorAdapterFactory.DESCRIPTOR);
		int failures = 0;
		for (String path : args) {
			failures += generate(new File(path).getAbsoluteFile()) ? 0 : 1;
		}
		System.exit(failures == 0 ? 0 : 1);
	}

	private static boolean generate(File genmodelFile) {
		// The genmodel's modelDirectory is a workspace path (/<bundle>/src-gen); map the bundle name to its folder.
		File bundleDir = genmodelFile.getParentFile().getParentFile();
		EcorePlugin.getPlatformResourceMap().put(bundleDir.getName(), URI.createFileURI(bundleDir.getPath() + "/"));
		GenModel genModel = (GenModel) new ResourceSetImpl()
				.getResource(URI.createFileURI(genmodelFile.getPath()), true).getContents().get(0);
		genModel.reconcile();
		Diagnostic check = genModel.diagnose();
		if (check.getSeverity() == Diagnostic.ERROR) {
			System.err.println(genmodelFile + ": " + check);
			return false;
		}
		genModel.setCanGenerate(true);
		Generator generator = new Generator();
		generator.setInput(genModel);
		Diagnostic result = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
				new BasicMonitor.Printing(System.out));
		if (result.getSeverity() == Diagnostic.ERROR) {
			System.err.println(genmodelFile + ": " + result);
			return false;
		}
		System.out.println("generated " + genmodelFile);
		return true;
	}
}
