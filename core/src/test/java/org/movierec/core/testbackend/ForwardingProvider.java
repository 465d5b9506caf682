package org.movierec.core.testbackend;

import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;

/** A backend that hands every call to another; subclasses override one call to change it. */
class ForwardingProvider implements BackendProvider {

  private final BackendProvider delegate;

  ForwardingProvider(BackendProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String description() {
    return delegate.description();
  }

  @Override
  public Trainer newTrainer() {
    return delegate.newTrainer();
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    return delegate.load(file, options);
  }
}
