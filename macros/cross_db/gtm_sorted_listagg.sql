{#-
    gtm_sorted_listagg(expression, delimiter)

    Aggregate expression that joins the non-NULL values of a group in ascending order,
    separated by `delimiter` (a SQL string literal). Dispatched per adapter, because
    dbt.listagg on Spark (dbt-spark 1.11) ignores the order.

    Example: gtm_sorted_listagg('persona_code', "'|'")  ->  founder|vp_sales
-#}
{% macro gtm_sorted_listagg(expression, delimiter) %}
    {{ return(adapter.dispatch('gtm_sorted_listagg', 'gtm_targeting')(expression, delimiter)) }}
{% endmacro %}

{% macro default__gtm_sorted_listagg(expression, delimiter) -%}
    {{ dbt.listagg(expression, delimiter, "order by " ~ expression) }}
{%- endmacro %}

{% macro spark__gtm_sorted_listagg(expression, delimiter) -%}
    array_join(array_sort(collect_list({{ expression }})), {{ delimiter }})
{%- endmacro %}
