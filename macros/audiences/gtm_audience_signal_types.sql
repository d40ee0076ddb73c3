{#-
    gtm_audience_signal_types(grain)

    Returns the signal types that become `last_<signal_type>_at` columns of the audience
    inputs of one grain (`person` or `company`): the `signal_type` of every recency
    parameter of that entity in the registry, sorted. Signal types that are not
    snake_case are left out, because they become part of a column name.

    Example: gtm_audience_signal_types('person')  ->  ['engaged', 'posted', 'replied']
-#}
{% macro gtm_audience_signal_types(grain) %}
    {%- set signal_types = [] -%}
    {%- for code, parameter in gtm_entity_parameters(grain) if parameter.type == 'recency' -%}
        {%- if modules.re.match('^[a-z][a-z0-9_]*$', parameter.signal_type | string) and parameter.signal_type not in signal_types -%}
            {%- do signal_types.append(parameter.signal_type) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(signal_types | sort) }}
{% endmacro %}
