{#-
    gtm_as_of_date()

    SQL date that recency criteria count back from: the `gtm_as_of_date` var when set,
    else the date the run started (run_started_at, the same for every model of a run).

    Example: gtm_as_of_date()  ->  cast('2026-12-01' as date)
-#}
{% macro gtm_as_of_date() %}
    {%- set configured = var('gtm_as_of_date', '') -%}
    {%- if configured -%}
        {{ return("cast(" ~ gtm_quote(configured) ~ " as date)") }}
    {%- else -%}
        {{ return("cast(" ~ gtm_quote(run_started_at.strftime('%Y-%m-%d')) ~ " as date)") }}
    {%- endif -%}
{% endmacro %}
