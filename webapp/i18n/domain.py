"""Plain language as a locale: ``nl@plain`` and ``en@plain``.

gettext would fall back from a missing ``nl@plain`` string to the English
msgid; a plain reader is better served by standard Dutch. So a plain
catalog is chained to its standard language. Every plain catalog is still
kept complete (a test checks it).
"""

from babel import support
from flask import g
from flask_babel import Babel, Domain, get_locale
from werkzeug.utils import cached_property


class PlainFallbackDomain(Domain):
    def get_translations(self):
        # A page asks hundreds of times (every _() does): answer from this
        # request's cache while the locale is the same object (force_locale
        # and refresh make a new one).
        if not g:
            return super().get_translations()
        locale = get_locale()
        cached = g.get("_basisbaan_translations")
        if cached is not None and cached[0] is locale:
            return cached[1]
        translations = super().get_translations()
        if locale is not None and locale.modifier and not getattr(translations, "_chained", False):
            for dirname in self.translation_directories:
                base = support.Translations.load(dirname, [locale.language], self.domain[0])
                translations.add_fallback(base)
            translations._chained = True
        g._basisbaan_translations = (locale, translations)
        return translations


class BasisbaanBabel(Babel):
    @cached_property
    def domain_instance(self):
        return PlainFallbackDomain(domain=self.domain)
