package org.wasmlang.launcher.wast;

/**
 * 3.0's (module instance $I? $M?): instantiates a module defined earlier.
 *
 * @param instanceName "$I" naming the new instance, or null
 * @param definitionName "$M" naming the definition, or null for the latest module defined
 */
public record ModuleInstanceCommand(int line, String instanceName, String definitionName) implements WastCommand {
}
