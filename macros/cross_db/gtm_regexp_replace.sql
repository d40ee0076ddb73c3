{#-
    gtm_regexp_replace(expression, pattern, replacement)

    Replaces every match of a regular expression. `pattern` is a SQL string literal in
    the common subset of RE2 (DuckDB), POSIX ARE (PostgreSQL) and Java (Spark) syntax;
    use the named classes this project needs through gtm_non_word_class instead of \b or \p.
    Write the pattern as on DuckDB and PostgreSQL: the Spark implementation escapes its
    backslashes. A `replacement` is plain text without `$` or backslashes.

    Example: gtm_regexp_replace('title', "'[0-9]+'", "' '")
-#}
{% macro gtm_regexp_replace(expression, pattern, replacement) %}
    {{ return(adapter.dispatch('gtm_regexp_replace', 'gtm_targeting')(expression, pattern, replacement)) }}
{% endmacro %}

{% macro duckdb__gtm_regexp_replace(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }}, 'g')
{%- endmacro %}

{% macro postgres__gtm_regexp_replace(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }}, 'g')
{%- endmacro %}

{% macro spark__gtm_regexp_replace(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ gtm_spark_regexp_literal(pattern) }}, {{ replacement }})
{%- endmacro %}

{% macro default__gtm_regexp_replace(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }})
{%- endmacro %}
