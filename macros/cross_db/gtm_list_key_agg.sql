{#-
    gtm_list_key_agg(expression)

    Aggregate expression that joins the values of a group into one list key, each value
    between pipes and the values in ascending order: `|crm||erp|`. Use it on non-NULL
    values in a query grouped by the record key. Dispatched per adapter, because
    dbt.listagg on Spark (dbt-spark 1.11) ignores the order, and DuckDB sorts a list
    about three times faster than it runs an ordered string_agg.

    Example: gtm_list_key_agg('technology_key')  ->  |hubspot||salesforce|
-#}
{% macro gtm_list_key_agg(expression) %}
    {{ return(adapter.dispatch('gtm_list_key_agg', 'gtm_targeting')(expression)) }}
{% endmacro %}

{% macro default__gtm_list_key_agg(expression) -%}
    {{ dbt.listagg("'|' || " ~ expression ~ " || '|'", "''", "order by " ~ expression) }}
{%- endmacro %}

{% macro duckdb__gtm_list_key_agg(expression) -%}
    '|' || {{ gtm_sorted_listagg(expression, "'||'") }} || '|'
{%- endmacro %}

{% macro spark__gtm_list_key_agg(expression) -%}
    concat('|', {{ gtm_sorted_listagg(expression, "'||'") }}, '|')
{%- endmacro %}
