{#-
    gtm_as_of_date()

    SQL date that recency criteria count back from: the `gtm_as_of_date` var when set,
    else `gtm_demo_as_of_date` when the demo data is on, else the date the run started
    (run_started_at, the same for every model of a run).

    Example: gtm_as_of_date()  ->  cast('2026-12-01' as date)
-#}
{% macro gtm_as_of_date() %}
    {%- set configured = var('gtm_as_of_date', '') -%}
    {%- if configured -%}
        {{ return("cast(" ~ gtm_quote(configured) ~ " as date)") }}
    {%- elif var('gtm_use_demo_data') | as_bool -%}
        {{ return("cast(" ~ gtm_quote(var('gtm_demo_as_of_date')) ~ " as date)") }}
    {%- else -%}
        {{ return("cast(" ~ gtm_quote(run_started_at.strftime('%Y-%m-%d')) ~ " as date)") }}
    {%- endif -%}
{% endmacro %}
