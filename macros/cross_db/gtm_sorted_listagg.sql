{#-
    gtm_sorted_listagg(expression, delimiter)

    Aggregate expression that joins the non-NULL values of a group in ascending order,
    separated by `delimiter` (a SQL string literal). Dispatched per adapter, because
    dbt.listagg on Spark (dbt-spark 1.11) ignores the order, and DuckDB sorts a list
    about three times faster than it runs an ordered string_agg. A group without a
    non-NULL value gives NULL on every engine.

    Example: gtm_sorted_listagg('persona_code', "'|'")  ->  founder|vp_sales
-#}
{% macro gtm_sorted_listagg(expression, delimiter) %}
    {{ return(adapter.dispatch('gtm_sorted_listagg', 'gtm_targeting')(expression, delimiter)) }}
{% endmacro %}

{% macro default__gtm_sorted_listagg(expression, delimiter) -%}
    {{ dbt.listagg(expression, delimiter, "order by " ~ expression) }}
{%- endmacro %}

{% macro duckdb__gtm_sorted_listagg(expression, delimiter) -%}
    array_to_string(list_sort(list({{ expression }}) filter (where {{ expression }} is not null)), {{ delimiter }})
{%- endmacro %}

{% macro spark__gtm_sorted_listagg(expression, delimiter) -%}
    array_join(array_sort(collect_list({{ expression }})), {{ delimiter }})
{%- endmacro %}
