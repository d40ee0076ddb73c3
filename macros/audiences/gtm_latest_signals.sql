{#-
    gtm_latest_signals(key_column, signal_types)

    Generates a select over the `signals` relation with one row per `key_column`
    (person_id or company_id) and one column `last_<signal_type>_at` per signal type: the
    time of the latest signal of that type up to the as-of date (NULL when there is none).

    Example: gtm_latest_signals('person_id', ['replied'])
             ->  select max(case when signal_type = 'replied' then occurred_at end) as last_replied_at, person_id ...
-#}
{% macro gtm_latest_signals(key_column, signal_types) %}
    select
        {%- for signal_type in signal_types %}
        max(case when signal_type = {{ gtm_quote(signal_type) }} then occurred_at end) as last_{{ signal_type }}_at,
        {%- endfor %}
        {{ key_column }}
    from signals
    where
        {{ key_column }} is not null
        and cast(occurred_at as date) <= {{ gtm_as_of_date() }}
    group by {{ key_column }}
{%- endmacro %}
