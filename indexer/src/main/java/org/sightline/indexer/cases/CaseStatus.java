package org.sightline.indexer.cases;

/** Whether a case still takes changes. A closed case can be exported but not edited until reopened. */
public enum CaseStatus { OPEN, CLOSED }
