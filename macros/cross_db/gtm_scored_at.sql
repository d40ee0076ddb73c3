{#-
    gtm_scored_at()

    SQL timestamp of the run (dbt's run_started_at, in UTC), so every row that one run
    writes carries the same `scored_at`.

    Example: gtm_scored_at()  ->  cast('2026-12-04 21:30:00' as timestamp)
-#}
{% macro gtm_scored_at() %}
    {{ return("cast(" ~ gtm_quote(run_started_at.strftime('%Y-%m-%d %H:%M:%S')) ~ " as " ~ dbt.type_timestamp() ~ ")") }}
{% endmacro %}
