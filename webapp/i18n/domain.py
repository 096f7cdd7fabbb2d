"""Plain language as a locale: ``nl@plain`` and ``en@plain``.

gettext would fall back from a missing ``nl@plain`` string to the English
msgid; a plain reader is better served by standard Dutch. So a plain
catalog is chained to its standard language. Every plain catalog is still
kept complete (a test checks it).
"""

from babel import support
from flask_babel import Babel, Domain, get_locale
from werkzeug.utils import cached_property


class PlainFallbackDomain(Domain):
    def get_translations(self):
        translations = super().get_translations()
        locale = get_locale()
        if locale is None or not locale.modifier or getattr(translations, "_chained", False):
            return translations
        for dirname in self.translation_directories:
            base = support.Translations.load(dirname, [locale.language], self.domain[0])
            translations.add_fallback(base)
        translations._chained = True
        return translations


class BasisbaanBabel(Babel):
    @cached_property
    def domain_instance(self):
        return PlainFallbackDomain(domain=self.domain)
