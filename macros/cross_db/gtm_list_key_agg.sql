{#-
    gtm_list_key_agg(expression)

    Aggregate expression that joins the values of a group into one list key, each value
    between pipes and the values in ascending order: `|crm||erp|`. Use it on non-NULL
    values in a query grouped by the record key. The values are joined with `||` by
    gtm_sorted_listagg, which holds the engine-specific part, so a group without a
    non-NULL value gives NULL.

    Example: gtm_list_key_agg('technology_key')  ->  |hubspot||salesforce|
-#}
{% macro gtm_list_key_agg(expression) -%}
    '|' || {{ gtm_sorted_listagg(expression, "'||'") }} || '|'
{%- endmacro %}
