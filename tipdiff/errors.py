"""Named errors for input tipdiff cannot use; the CLI prints each as one line."""


class TipdiffError(Exception):
    "Base of every error tipdiff reports to its user"


class NotFound(TipdiffError):
    "The path does not exist"


class NotAFile(TipdiffError):
    "The path is a directory or some other non-file"


class NotText(TipdiffError):
    "The file holds binary data, not text"


class NotUtf8(TipdiffError):
    "The file is not valid UTF-8"


class TooLarge(TipdiffError):
    "The file is larger than tipdiff will read"


class EmptyReport(TipdiffError):
    "The file holds no text"


class NoSentences(TipdiffError):
    "The file holds text but not a single sentence"


class UnknownFormat(TipdiffError):
    "The requested input format is not one tipdiff reads"


class BadArgument(TipdiffError, TypeError):
    "A library function was given something it does not take (a TypeError too, as Python's own are)"


class ProfileMisfit(UserWarning):
    "The profile chosen does not fit the report's text (a warning: the comparison is still made)"


class CountriesDiffer(ProfileMisfit):
    "The two reports are about different countries: no change of either (a warning: the comparison is still made)"
