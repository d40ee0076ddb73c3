{#-
    gtm_audiences(log_summary=false)

    The audience compiler's entry point: load -> validate -> parse. Raises one compiler
    error listing every problem when an audience is invalid, so no audience model runs
    on a bad definition. Returns the list of gtm_parse_audiences, the default audience
    first, or an empty list at parse time.

    Arguments:
        log_summary: log one line with the counts (int_audiences__validated sets it, so
            the line appears once per run).

    Example: gtm_audiences() | map(attribute='code') | list  ->  ['default', 'top_accounts', ...]
-#}
{% macro gtm_audiences(log_summary=false) %}
    {#- At parse time dbt only needs the ref() calls, which sit outside the generated
        parts, so an invalid audience fails int_audiences__validated at run time
        instead of the whole parse. -#}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set loaded = gtm_load_audiences() -%}
    {%- set errors = gtm_validate_audiences(loaded) -%}
    {%- do gtm_raise_problems(
        'audience definitions',
        'Fix them in the gtm_audiences var of dbt_project.yml (or the --vars of the run), then run dbt again.',
        errors
    ) -%}

    {%- set parsed = gtm_parse_audiences(loaded) -%}
    {%- if log_summary and execute -%}
        {%- set counts = [] -%}
        {%- for motion in ['abm', 'volume_outbound', 'inbound'] -%}
            {%- do counts.append(motion ~ " " ~ parsed | selectattr('motion', 'equalto', motion) | list | length) -%}
        {%- endfor -%}
        {{ log("gtm_targeting: compiled " ~ parsed | length ~ " audiences (" ~ counts | join(', ') ~ ")", info=true) }}
    {%- endif -%}
    {{ return(parsed) }}
{% endmacro %}
