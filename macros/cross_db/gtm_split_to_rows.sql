{#-
    gtm_split_to_rows(expression, delimiter)

    Select-list expression that returns one row per part of a text split on a plain
    delimiter (a SQL string literal). Dispatched per adapter, because each engine names
    its set-returning split differently.

    Example: select title, {{ gtm_split_to_rows('words', "' '") }} as word from titles
-#}
{% macro gtm_split_to_rows(expression, delimiter) %}
    {{ return(adapter.dispatch('gtm_split_to_rows', 'gtm_targeting')(expression, delimiter)) }}
{% endmacro %}

{% macro duckdb__gtm_split_to_rows(expression, delimiter) -%}
    unnest(string_split({{ expression }}, {{ delimiter }}))
{%- endmacro %}

{% macro spark__gtm_split_to_rows(expression, delimiter) -%}
    {#- Spark's split takes a regular expression; the delimiter is quoted for it. -#}
    explode(split({{ expression }}, concat('\\Q', {{ delimiter }}, '\\E')))
{%- endmacro %}

{% macro default__gtm_split_to_rows(expression, delimiter) -%}
    unnest(string_to_array({{ expression }}, {{ delimiter }}))
{%- endmacro %}
