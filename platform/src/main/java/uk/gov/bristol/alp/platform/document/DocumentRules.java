package uk.gov.bristol.alp.platform.document;

import uk.gov.bristol.alp.platform.problem.ProblemType;

/** Why an upload is refused (docs/domain-rules.md, "Documents"). */
public final class DocumentRules {
    public static final ProblemType TOO_LARGE =
            ProblemType.rule("document-too-large", "The file is larger than the limit for documents", 413);

    public static final ProblemType TYPE_NOT_ALLOWED = ProblemType.rule(
            "document-type-not-allowed",
            "Documents are PDF, Word (DOCX), OpenDocument text, PNG or JPEG, as read from the file's own bytes",
            415);

    public static final ProblemType TYPE_MISMATCH = ProblemType.rule(
            "document-type-mismatch",
            "The file's bytes are not the type its declared content type or its name's extension says",
            415);

    private DocumentRules() {}
}
