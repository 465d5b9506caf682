package org.movierec.store;

import java.sql.SQLException;

/** Turns a database's failure into what went wrong and what to do, for one kind of database. */
@FunctionalInterface
interface Failures {

  /** The cause in words with a remedy, e.g. "the disk is full; free space and retry". */
  String explain(SQLException e);

  /** SQLite's result codes in words. */
  static Failures sqlite(int busyTimeoutMillis) {
    return e -> {
      String cause = e.getMessage();
      switch (e.getErrorCode() & 0xff) {
        case 5:
        case 6:
          return "the file is locked by another connection or process for longer than "
              + busyTimeoutMillis
              + " ms; stop the process that holds it (another movierec import or a sqlite3"
              + " shell inside a transaction) and retry";
        case 8:
          return "the file is read-only; give this user write permission on it and its directory";
        case 10:
          return "a disk I/O error (" + cause + "); check the disk and free space";
        case 11:
          return "the file is corrupt (" + cause + "); restore it from a backup";
        case 13:
          return "the disk is full; free space and retry";
        case 14:
          return "the file cannot be opened ("
              + cause
              + "); check that its directory exists and"
              + " is writable";
        case 26:
          return "the file is not a SQLite database; give the path of a store made by movierec"
              + " import, or a new file name";
        default:
          return cause;
      }
    };
  }

  /** PostgreSQL's SQLSTATE classes in words. */
  static Failures postgres() {
    return e -> {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String cause = e.getMessage();
      if (state.startsWith("08")) {
        return "cannot reach the database ("
            + cause
            + "); check host, port and that PostgreSQL"
            + " is running and accepts connections";
      }
      if (state.startsWith("28")) {
        return "the database refused the login ("
            + cause
            + "); check user and password in the"
            + " URL (?user=...&password=...)";
      }
      if (state.equals("3D000")) {
        return "no such database (" + cause + "); create it (createdb NAME) or fix the URL";
      }
      if (state.equals("53100")) {
        return "the database server's disk is full; free space and retry";
      }
      if (state.equals("55P03")) {
        return "a lock was not granted in time ("
            + cause
            + "); retry when the other"
            + " transaction has ended";
      }
      if (state.equals("25006")) {
        return "the database is read-only (" + cause + "); connect to the primary";
      }
      return cause + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
    };
  }
}
