package org.movierec.core.training;

/**
 * How the optimizer updates the user and movie embedding tables: every row every step, or only the
 * rows a batch touches.
 */
public enum EmbeddingOptimizer {
  /**
   * The configured optimizer over the whole tables, as {@code torch.optim.Adam} on {@code
   * nn.Embedding}: every step reads and writes every row and its moments, and rows a batch does not
   * touch still move (their moments keep decaying, weight decay still applies). Per-step cost grows
   * with the number of users and movies.
   */
  DENSE,
  /**
   * The configured optimizer row by row over the rows a batch touches, as PyTorch's {@code
   * SparseAdam} and TensorFlow's {@code LazyAdam}: a row's moments advance and its weight decay
   * applies only on steps whose batch contains it; a row appearing several times in a batch has its
   * gradients summed first; bias correction counts all steps. Per-step cost grows with the batch,
   * not the catalog.
   */
  LAZY
}
