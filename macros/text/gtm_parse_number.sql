{#-
    gtm_parse_number(expression, input_columns={})

    SQL expression that reads a number written as a number or as text such as
    `1,200`, ` 3 400 `, `$12.5` or `1.2e9`: separators, spaces and currency signs are
    dropped. Anything else that is not a decimal number gives NULL, never an error.
    The text may have up to 60 digits on each side of the point and an exponent of up
    to two digits. So every value it accepts fits a double: `1e400` gives NULL where a
    cast would give infinity (DuckDB) or raise an out-of-range error (PostgreSQL).

    When `expression` names a column of `input_columns` (from gtm_input_columns) with
    an integer type of up to 64 bits or an 8-byte float type, the value is cast without
    the text round trip, which skips two regular expressions per row. A float that is
    not finite (NaN or an infinity) gives NULL, as its text form would: `x - x = 0`
    holds only for finite x. A 4-byte float keeps the text round trip, which reads 0.1
    as 0.1 where a direct cast gives 0.10000000149011612. So does DuckDB's 128-bit
    HUGEINT, whose direct cast to double can be one step off the nearest double for
    large values such as 27670116110564329473.

    Example: gtm_parse_number('employee_count')  ->  1200.0 for '1,200'
-#}
{% macro gtm_parse_number(expression, input_columns={}) %}
    {%- set column = input_columns.get(expression | lower) -%}
    {%- if column is not none and column.is_integer() and column.dtype | lower != 'hugeint' -%}
        {{ return("cast(" ~ expression ~ " as " ~ gtm_type_double() ~ ")") }}
    {%- elif column is not none and column.dtype | lower in ['double', 'double precision', 'float8'] -%}
        {{ return("case when " ~ expression ~ " - " ~ expression ~ " = 0 then cast(" ~ expression ~ " as " ~ gtm_type_double() ~ ") end") }}
    {%- endif -%}
    {%- set digits = gtm_regexp_replace(gtm_clean_text(expression), "'[,\\s$€£]'", "''") -%}
    {{ return("case when " ~ gtm_regexp_matches(digits, "'^-?[0-9]{1,60}(\\.[0-9]{1,60})?([eE][+-]?[0-9]{1,2})?$'") ~ " then cast(" ~ digits ~ " as " ~ gtm_type_double() ~ ") end") }}
{% endmacro %}
