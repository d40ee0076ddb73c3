{#-
    gtm_word_key(expression, replacements=[])

    SQL expression that turns free text into a word key: Unicode NFC, lower case, `&`
    read as `and`, a trailing company part dropped (`VP Sales @ Acme`, `Head of Growth at
    Initech`, `CEO, Acme Inc`), every run of characters other than letters and digits
    read as one word break, and each word wrapped in pipes: `VP, Sales` -> `|vp||sales|`.
    `replacements` (from gtm_title_replacements) are then applied as plain replaces of
    whole-word phrases. Blank text, or text with no words left, gives NULL.

    Matching on such keys is whole-word by construction: `|cto|` cannot occur inside
    `|director|`, and `|it|` cannot occur inside `|digital|`.

    Example: gtm_word_key("'Vice President of Sales'", gtm_title_replacements())
             evaluates to '|vp||sales|'
-#}
{% macro gtm_word_key(expression, replacements=[]) %}
    {%- set lowered = "replace(lower(" ~ gtm_normalize_unicode(expression) ~ "), '&', ' and ')" -%}
    {%- set without_company = gtm_regexp_replace(lowered, "'(\\s*@.*|\\s+at\\s.*|,[^,]*\\s(inc|ltd|llc|gmbh|sa|plc|corp)\\.?)$'", "''") -%}
    {%- set words = "trim(" ~ gtm_regexp_replace(without_company, "'" ~ gtm_non_word_class() ~ "+'", "' '") ~ ")" -%}
    {%- set state = namespace(key="nullif('|' || replace(" ~ words ~ ", ' ', '||') || '|', '||')") -%}
    {%- for phrase_key, replacement_key in replacements -%}
        {%- set state.key = "replace(" ~ state.key ~ ", " ~ gtm_quote(phrase_key) ~ ", " ~ gtm_quote(replacement_key) ~ ")" -%}
    {%- endfor -%}
    {{ return("nullif(" ~ state.key ~ ", '')") }}
{% endmacro %}
