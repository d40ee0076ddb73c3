{#-
    gtm_match_detail(criterion, column, title_patterns)

    SQL expression that explains a criterion's outcome on one record, for the score
    breakdown: the title pattern that matched (exact and wildcard), the role signature
    compared (semantic), or the title rule that decided the seniority (seniority
    criteria). NULL where the record value says it all.

    Example: gtm_match_detail(criterion, 'features.title', title_patterns)
             ->  case when features.title like '|vp|%' then 'VP*' end
-#}
{% macro gtm_match_detail(criterion, column, title_patterns) %}
    {%- set word_keys = title_patterns.get('word_keys', {}) -%}
    {%- if criterion.operator in ['exact', 'wildcard'] -%}
        {%- set branches = [] -%}
        {%- for value in criterion['values'] -%}
            {%- if criterion.operator == 'exact' -%}
                {%- set test = column ~ " = " ~ gtm_quote(word_keys.get(value) or '') -%}
            {%- else -%}
                {%- set parts = [] -%}
                {%- for chunk in value.split('*') -%}{%- do parts.append(word_keys.get(chunk) or '') -%}{%- endfor -%}
                {%- set test = column ~ " like " ~ gtm_quote(parts | join('%')) -%}
            {%- endif -%}
            {%- do branches.append("when " ~ test ~ " then " ~ gtm_quote('pattern ' ~ value)) -%}
        {%- endfor -%}
        {{ return("case " ~ branches | join(' ') ~ " end") }}
    {%- elif criterion.operator == 'semantic' -%}
        {{ return("'signature ' || " ~ column ~ "__signature") }}
    {%- elif criterion.type == 'seniority' -%}
        {{ return("'title rule ' || features.seniority_rule") }}
    {%- endif -%}
    {{ return("cast(null as " ~ dbt.type_string() ~ ")") }}
{% endmacro %}
