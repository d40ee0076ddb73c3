{#-
    gtm_recency_columns(parameters)

    Select-list lines, each followed by a comma, with one aggregate per recency
    parameter: the days from the latest signal of its type to the as-of date (NULL when
    there is none). Use it in a query grouped by the record key over a signals relation.

    Example: gtm_recency_columns(gtm_entity_parameters('person'))
             ->  min(case when signal_type = 'posted' then ... end) as days_since_posted,
-#}
{% macro gtm_recency_columns(parameters) %}
    {%- for code, parameter in parameters if parameter.type == 'recency' %}
        min(case
            when signal_type = {{ gtm_quote(parameter.signal_type) }}
                then {{ dbt.datediff('cast(occurred_at as date)', gtm_as_of_date(), 'day') }}
        end) as {{ code }},
    {%- endfor %}
{%- endmacro %}
