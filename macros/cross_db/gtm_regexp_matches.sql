{#-
    gtm_regexp_matches(expression, pattern)

    Boolean SQL expression: true when a regular expression finds a match in the text.
    `pattern` is a SQL string literal; anchor it with ^ and $ for a full match. Write
    it as on DuckDB and PostgreSQL: the Spark implementation escapes its backslashes.

    Example: gtm_regexp_matches('employee_count_text', "'^[0-9]+$'")
-#}
{% macro gtm_regexp_matches(expression, pattern) %}
    {{ return(adapter.dispatch('gtm_regexp_matches', 'gtm_targeting')(expression, pattern)) }}
{% endmacro %}

{% macro duckdb__gtm_regexp_matches(expression, pattern) -%}
    regexp_matches({{ expression }}, {{ pattern }})
{%- endmacro %}

{% macro postgres__gtm_regexp_matches(expression, pattern) -%}
    ({{ expression }} ~ {{ pattern }})
{%- endmacro %}

{% macro spark__gtm_regexp_matches(expression, pattern) -%}
    ({{ expression }} rlike {{ gtm_spark_regexp_literal(pattern) }})
{%- endmacro %}

{% macro default__gtm_regexp_matches(expression, pattern) -%}
    ({{ expression }} rlike {{ pattern }})
{%- endmacro %}
