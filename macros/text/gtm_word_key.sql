{#-
    gtm_word_key(expression)

    SQL expression that turns free text into a word key before phrase replacements:
    Unicode NFC, lower case, `&` read as `and`, a trailing company part dropped
    (`VP Sales @ Acme`, `Head of Growth at Initech`, `CEO, Acme Inc`), every run of
    characters other than letters and digits read as one word break, and each word
    wrapped in pipes: `VP, Sales` -> `|vp||sales|`. Blank text gives NULL.
    gtm_word_key_ctes applies the phrase replacements of the title_abbreviations seed
    on top of it.

    Matching on such keys is whole-word by construction: `|cto|` cannot occur inside
    `|director|`, and `|it|` cannot occur inside `|digital|`.

    Example: gtm_word_key("'Vice President, Sales'")  evaluates to '|vice||president||sales|'
-#}
{% macro gtm_word_key(expression) %}
    {%- set lowered = "replace(lower(" ~ gtm_normalize_unicode(expression) ~ "), '&', ' and ')" -%}
    {%- set without_company = gtm_regexp_replace(lowered, "'(\\s*@.*|\\s+at\\s.*|,[^,]*\\s(inc|ltd|llc|gmbh|sa|plc|corp)\\.?)$'", "''") -%}
    {%- set words = "trim(" ~ gtm_regexp_replace(without_company, "'" ~ gtm_non_word_class() ~ "+'", "' '") ~ ")" -%}
    {{ return("nullif('|' || replace(" ~ words ~ ", ' ', '||') || '|', '||')") }}
{% endmacro %}
