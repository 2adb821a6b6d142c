package se.lots.kaa.register;

/** What a young person with status STUDERAR studies, outside a national programme. */
public enum StudyKind {
    FOLKHOGSKOLA, KOMVUX, GYMNASIET_UTOMLANDS, INTRODUKTIONSPROGRAM, ANNAN
}
