{#-
    gtm_audience_predicate(node)

    Generates the SQL boolean of a validated audience condition. A leaf is never NULL:
    an unknown (NULL) value fails every operator except is_null. Groups become
    parenthesised `and` (all) or `or` (any) chains. Column names come from the
    validated condition, which gtm_validate_audience_condition checked against the
    allow-list of gtm_audience_columns.

    Example: gtm_audience_predicate({'any': [{'column': 'icp_code', 'operator': 'in', 'value': ['a', 'b']},
             {'column': 'last_replied_at', 'operator': 'within_days', 'value': 30}]})
             ->  (coalesce(icp_code in ('a', 'b'), false) or coalesce(last_replied_at >= ..., false))
-#}
{% macro gtm_audience_predicate(node) %}
    {%- if node is none -%}
        {{ return('true') }}
    {%- endif -%}
    {%- if 'all' in node or 'any' in node -%}
        {%- set keyword = 'all' if 'all' in node else 'any' -%}
        {%- set parts = [] -%}
        {%- for child in node[keyword] -%}
            {%- do parts.append(gtm_audience_predicate(child)) -%}
        {%- endfor -%}
        {{ return('(' ~ parts | join(' and ' if keyword == 'all' else ' or ') ~ ')') }}
    {%- endif -%}

    {%- set column = node.column -%}
    {%- set operator = node.operator -%}
    {%- set value = node.get('value') -%}
    {%- if operator == 'is_null' -%}
        {{ return(column ~ (' is not null' if value is sameas false else ' is null')) }}
    {%- elif operator in ['=', '>=', '<='] -%}
        {%- set expression = column ~ ' ' ~ operator ~ ' ' ~ gtm_audience_literal(value) -%}
    {%- elif operator == '!=' -%}
        {%- set expression = column ~ ' <> ' ~ gtm_audience_literal(value) -%}
    {%- elif operator in ['in', 'not_in'] -%}
        {%- set literals = [] -%}
        {%- for item in value -%}
            {%- do literals.append(gtm_audience_literal(item)) -%}
        {%- endfor -%}
        {%- set expression = column ~ (' not in (' if operator == 'not_in' else ' in (') ~ literals | join(', ') ~ ')' -%}
    {%- elif operator == 'between' -%}
        {%- set expression = column ~ ' between ' ~ gtm_audience_literal(value[0]) ~ ' and ' ~ gtm_audience_literal(value[1]) -%}
    {%- elif operator == 'within_days' -%}
        {%- set expression = column ~ ' >= ' ~ dbt.dateadd('day', -1 * value, gtm_as_of_date()) -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error("gtm_audience_predicate: operator '" ~ operator ~ "' has no SQL; add it here and to gtm_audience_operators.") }}
    {%- endif -%}
    {{ return('coalesce(' ~ expression ~ ', false)') }}
{% endmacro %}
