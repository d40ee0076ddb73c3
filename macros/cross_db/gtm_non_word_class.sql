{#-
    gtm_non_word_class()

    A regular-expression character class (as text, without quotes) that matches one
    character that is neither a Unicode letter nor a digit, in each engine's syntax.

    Example: gtm_non_word_class()  ->  [^\p{L}\p{N}]   (DuckDB)
-#}
{% macro gtm_non_word_class() %}
    {{ return(adapter.dispatch('gtm_non_word_class', 'gtm_targeting')()) }}
{% endmacro %}

{% macro duckdb__gtm_non_word_class() -%}
    [^\p{L}\p{N}]
{%- endmacro %}

{% macro postgres__gtm_non_word_class() -%}
    [^[:alnum:]]
{%- endmacro %}

{% macro default__gtm_non_word_class() -%}
    [^\p{L}\p{N}]
{%- endmacro %}
