package org.movierec.server.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One background retrain as {@code /v1/model/lineage} shows it: what it trained on, how the
 * candidate and the serving model scored on the same hold-out, and what was served afterwards.
 *
 * @param startedAt when the cycle began, ISO-8601 UTC
 * @param snapshotTakenAt when the store's snapshot was taken
 * @param snapshotRatings the ratings in the snapshot
 * @param holdoutRatings the ratings held out of training to compare the two models on
 * @param holdout how they were chosen: {@code new-feedback} (ratings the serving model never saw)
 *     or {@code random}
 * @param candidate the candidate's scores on the hold-out
 * @param serving the serving model's scores on the same hold-out
 * @param swapped whether the candidate now serves
 * @param reason why it was or was not swapped in
 * @param candidateFile where the candidate was saved, swapped in or not
 * @param version the version serving after the cycle
 * @param previousVersion the version serving before it
 * @param previousFile the file of that version, kept for a rollback through {@code /admin/reload}
 * @param seconds how long the cycle took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetrainCycle(
    String startedAt,
    String snapshotTakenAt,
    long snapshotRatings,
    int holdoutRatings,
    String holdout,
    Scores candidate,
    Scores serving,
    boolean swapped,
    String reason,
    String candidateFile,
    String version,
    String previousVersion,
    String previousFile,
    double seconds) {

  /**
   * A model's scores on the hold-out.
   *
   * @param rmse the root mean squared error of its predicted ratings
   * @param ndcg10 its mean NDCG@10 with ratings of 4 and above relevant
   */
  public record Scores(double rmse, double ndcg10) {}
}
