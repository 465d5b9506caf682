package org.movierec.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or a development marker when run from classes. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = MovieRecCommand.class.getPackage().getImplementationVersion();
    return new String[] {"movierec " + (version == null ? "(development build)" : version)};
  }
}
